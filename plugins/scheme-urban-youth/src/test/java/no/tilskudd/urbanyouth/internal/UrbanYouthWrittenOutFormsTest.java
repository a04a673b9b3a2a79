package no.tilskudd.urbanyouth.internal;

import no.tilskudd.plugins.support.testing.WrittenOutFormsTest;

/** The derived form files resolve to the forms as they were written out for every year. */
class UrbanYouthWrittenOutFormsTest extends WrittenOutFormsTest {

    UrbanYouthWrittenOutFormsTest() {
        super("urban-youth");
    }
}
