package io.annualreport.store.agency;

/**
 * One way to read the region names a printed agency name begins with: 淮安市洪泽区人民政府 is 洪泽区 (320813) and the
 * remainder 人民政府.
 *
 * @param regionCode the deepest division named
 * @param remainder the rest of the name after the region names, folded
 * @param names how many region names were read
 */
public record RegionReading(String regionCode, String remainder, int names) {
}
