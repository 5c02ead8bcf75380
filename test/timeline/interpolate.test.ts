import { expect } from '@open-wc/testing';
import { positionAt } from '../../src/timeline/interpolate.js';

const path = { keyframes: [{ t: 2, x: 0.1, y: 0.2 }, { t: 4, x: 0.5, y: 0.6 }, { t: 8, x: 0.9, y: 0.2 }] };
const close = (p: { x: number; y: number } | undefined, x: number, y: number) => {
  expect(p!.x).to.be.closeTo(x, 1e-12);
  expect(p!.y).to.be.closeTo(y, 1e-12);
};

describe('positionAt', () => {
  it('is exact on keyframes', () => {
    for (const k of path.keyframes) close(positionAt(path, k.t), k.x, k.y);
  });

  it('interpolates linearly between keyframes', () => {
    close(positionAt(path, 3), 0.3, 0.4);
    close(positionAt(path, 2.5), 0.2, 0.3);
    close(positionAt(path, 6), 0.7, 0.4);
    close(positionAt(path, 7), 0.8, 0.3);
  });

  it('clamps before the first and after the last keyframe', () => {
    close(positionAt(path, 0), 0.1, 0.2);
    close(positionAt(path, 100), 0.9, 0.2);
  });

  it('jumps at two keyframes with the same time (the later one applies from that time)', () => {
    const jump = { keyframes: [{ t: 0, x: 0, y: 0 }, { t: 5, x: 0.5, y: 0.5 }, { t: 5, x: 1, y: 1 }, { t: 10, x: 1, y: 0 }] };
    close(positionAt(jump, 4.999), 0.4999, 0.4999);
    close(positionAt(jump, 5), 1, 1);
    close(positionAt(jump, 7.5), 1, 0.5);
  });

  it('holds a single keyframe', () => {
    close(positionAt({ keyframes: [{ t: 3, x: 0.25, y: 0.75 }] }, 1), 0.25, 0.75);
    close(positionAt({ keyframes: [{ t: 3, x: 0.25, y: 0.75 }] }, 9), 0.25, 0.75);
  });

  it('uses static x/y without keyframes, keyframes over x/y, and nothing without a position', () => {
    expect(positionAt({ x: 0.3, y: 0.6 }, 5)).to.deep.equal({ x: 0.3, y: 0.6 });
    close(positionAt({ x: 0.9, y: 0.9, ...path }, 3), 0.3, 0.4);
    expect(positionAt({}, 5)).to.equal(undefined);
    expect(positionAt({ keyframes: [] }, 5)).to.equal(undefined);
  });
});
