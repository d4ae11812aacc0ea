/** One canonical form per address: trimmed, Unicode NFC, lower case (Danish æøå included). */
export function normaliseEmail(email: string): string {
  return email.trim().normalize('NFC').toLowerCase();
}
