/** An ID3v2.4 tag with one TXXX frame (UTF-8). */
export function id3Txxx(description: string, value: string): Uint8Array {
  const enc = new TextEncoder();
  const body = [3, ...enc.encode(description), 0, ...enc.encode(value)];
  const ss = (n: number) => [(n >> 21) & 0x7f, (n >> 14) & 0x7f, (n >> 7) & 0x7f, n & 0x7f];
  const frame = [...enc.encode('TXXX'), ...ss(body.length), 0, 0, ...body];
  return new Uint8Array([...enc.encode('ID3'), 4, 0, 0, ...ss(frame.length), ...frame]);
}
