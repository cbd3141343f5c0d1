/**
 * The speed tricks of enrich, in one place. The tagger and the id sequence read every character of
 * every note, so the two loops that do are written for speed, and this is where their tools live:
 *
 * <ul>
 *   <li>{@link dev.takeaways.enrich.text.Swar}: text eight bytes at a time (lower-casing ASCII, the
 *       length of a run of letters and digits), with the constants they share, written once;
 *   <li>{@link dev.takeaways.enrich.text.LongCounts}: counts by 64-bit hash in primitive arrays.
 * </ul>
 *
 * <p>Two structures stay beside their only user, because their layout is the trick: the tagger's
 * word table ({@code tag.Words}: open addressing from a word's hash to a 16-bit code, behind a Bloom
 * filter) and the misspelling index ({@code tag.NearMisses}: a sorted array of hashes of names and
 * their one-letter deletions, behind a Bloom filter). Each of them says why in its own comment. JMH
 * guards all of them ({@code TagBenchmark}, {@code ExtractBenchmark} in {@code bench}).
 */
package dev.takeaways.enrich.text;
