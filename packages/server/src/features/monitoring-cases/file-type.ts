/**
 * What an uploaded file is, from its first bytes (its name and declared type are the sender's
 * word): only the three kinds evidence may be (docs/MONITORING.md §2).
 */
const SIGNATURES: { mime: 'application/pdf' | 'image/jpeg' | 'image/png'; bytes: number[] }[] = [
  { mime: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { mime: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { mime: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

export function sniffEvidenceType(head: Uint8Array): 'application/pdf' | 'image/jpeg' | 'image/png' | undefined {
  return SIGNATURES.find((s) => s.bytes.every((b, i) => head[i] === b))?.mime;
}
