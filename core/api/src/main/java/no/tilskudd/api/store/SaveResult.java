package no.tilskudd.api.store;

/**
 * What a save did.
 *
 * @param inserted submissions that were new
 * @param replaced submissions that replaced a stored one with the same scheme, year and org unit
 */
public record SaveResult(int inserted, int replaced) {
}
