/**
 * The one confidence level of every accuracy radius this package returns: 0.95. The true position
 * lies within `accuracyM` of the estimate with 95 % probability (under the Rayleigh model of
 * `@beatplan/core`'s `convertAccuracy`), and every returned fix says so with
 * `accuracyConfidence: 0.95`.
 *
 * Why 95 % and not Android's 68 %: a visit is verified when the whole error circle lies inside the
 * shop's fence, so the radius should be the one that is rarely exceeded (at 68 % the true position
 * is outside the circle one time in three); it is the W3C Geolocation API's level, so browser fixes
 * need no conversion; and it is `normalizeAccuracy`'s default target, so packages agree without
 * passing the level around.
 */
export const POSITIONING_CONFIDENCE = 0.95;
