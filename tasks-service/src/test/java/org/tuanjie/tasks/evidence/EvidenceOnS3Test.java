package org.tuanjie.tasks.evidence;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The evidence tests again, with the bytes in an S3-protocol store (S3Proxy, started for the run). */
@QuarkusTest
@TestProfile(S3Store.class)
class EvidenceOnS3Test extends EvidenceApiTest {

    @Override
    protected String countyCode() {
        return "751102";
    }
}
