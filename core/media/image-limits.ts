/** What the app accepts as an image upload (issue 17: PNG or JPEG, ≤ 5 MB, ≤ 4,000 px a side). */
export const IMAGE_LIMITS = {
  maxBytes: 5 * 1024 * 1024,
  maxSide: 4_000,
} as const;

/** A card's image as Teams fetches it: ≤ 1024 × 1024 px and ≤ 1 MB (PLATFORM.md). */
export const CARD_IMAGE = { maxSide: 1_024, maxBytes: 1024 * 1024 } as const;

/** The gallery's thumbnails: small enough for a grid of dozens on a phone. */
export const THUMBNAIL_SIDE = 480;
