/** What the server accepts (it checks again, by content): the form only spares a round trip. */
export const ACCEPTED_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
];
export const ACCEPT = [
  ...ACCEPTED_TYPES,
  '.pdf',
  '.docx',
  '.xlsx',
  '.pptx',
  '.odt',
  '.ods',
  '.odp',
];
export const MAX_MEGABYTES = 20;
const EXTENSIONS = /\.(jpe?g|png|webp|pdf|docx|xlsx|pptx|odt|ods|odp)$/i;

/** Why a chosen file will not be sent, or null. Some systems give office files no type: then the name decides. */
export function refusalOf(file: File): 'type' | 'size' | null {
  const known = file.type ? ACCEPTED_TYPES.includes(file.type) : EXTENSIONS.test(file.name);
  if (!known) return 'type';
  return file.size > MAX_MEGABYTES * 1_000_000 ? 'size' : null;
}
