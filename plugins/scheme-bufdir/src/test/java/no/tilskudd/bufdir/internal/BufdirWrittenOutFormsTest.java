package no.tilskudd.bufdir.internal;

import no.tilskudd.plugins.support.testing.WrittenOutFormsTest;

/** The derived form files resolve to the forms as they were written out for every year. */
class BufdirWrittenOutFormsTest extends WrittenOutFormsTest {

    BufdirWrittenOutFormsTest() {
        super("bufdir");
    }
}
