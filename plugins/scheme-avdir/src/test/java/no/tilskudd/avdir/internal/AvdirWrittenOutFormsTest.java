package no.tilskudd.avdir.internal;

import no.tilskudd.plugins.support.testing.WrittenOutFormsTest;

/** The derived form files resolve to the forms as they were written out for every year. */
class AvdirWrittenOutFormsTest extends WrittenOutFormsTest {

    AvdirWrittenOutFormsTest() {
        super("avdir");
    }
}
