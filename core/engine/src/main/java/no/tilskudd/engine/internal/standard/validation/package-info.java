/** Validator building blocks for checks that a form definition cannot declare, such as sums over a group's rows. */
package no.tilskudd.engine.internal.standard.validation;
