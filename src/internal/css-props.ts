import { nothing, type ElementPart } from 'lit';
import { Directive, directive, PartType, type PartInfo } from 'lit/directive.js';

/**
 * Sets CSS properties (custom properties too) through the CSSOM, on every render including the
 * first: `<div ${cssProps({ '--x': '0.5', left: '4px' })}>`. Unlike a `style` attribute (or
 * lit's styleMap, which writes one on first render) this passes a strict `style-src` CSP
 * without 'unsafe-inline'.
 */
class CssPropsDirective extends Directive {
  /** What the last render set: unchanged values are not written again (others may animate them). */
  private previous = new Map<string, string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('cssProps() goes on an element: <div ${cssProps({…})}>');
  }

  render(_props: Record<string, string>): typeof nothing {
    return nothing;
  }

  override update(part: ElementPart, [props]: [Record<string, string>]): typeof nothing {
    const { style } = part.element as HTMLElement;
    for (const name of this.previous.keys()) if (!(name in props)) style.removeProperty(name);
    for (const [name, value] of Object.entries(props)) if (this.previous.get(name) !== value) style.setProperty(name, value);
    this.previous = new Map(Object.entries(props));
    return nothing;
  }
}

export const cssProps = directive(CssPropsDirective);
