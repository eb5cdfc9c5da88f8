package io.annualreport.store.agency;

/**
 * An agency of the registry as the matcher sees it.
 *
 * @param regionCode the division it belongs to, null when its name names none
 * @param body the folded name without its region names (人民政府, 财政局), compared between names of one division
 */
public record KnownAgency(long id, String name, String regionCode, String body) {
}
