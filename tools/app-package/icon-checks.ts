import { PNG } from 'pngjs';

/** What Teams asks of the two icons: the sizes, and an outline that is white on transparent. */
export function iconProblems(kind: 'color' | 'outline', png: Buffer): string[] {
  // pngjs decodes every bit depth, palette and interlace to 8-bit RGBA, checking each chunk's CRC.
  const image = PNG.sync.read(png);
  const size = kind === 'color' ? 192 : 32;
  const problems: string[] = [];
  if (image.width !== size || image.height !== size) problems.push(`must be ${size}x${size}, is ${image.width}x${image.height}`);
  if (kind === 'outline') {
    let transparent = 0;
    let other = 0;
    for (let i = 0; i < image.data.length; i += 4) {
      const [r, g, b, a] = image.data.subarray(i, i + 4);
      if (a === 0) transparent++;
      else if (r !== 255 || g !== 255 || b !== 255) other++;
    }
    if (transparent === 0) problems.push('must have a transparent background');
    if (other > 0) problems.push(`must be white: ${other} pixels are another colour`);
  }
  return problems;
}
