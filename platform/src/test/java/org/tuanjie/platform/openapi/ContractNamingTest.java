package org.tuanjie.platform.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ContractNamingTest {

    @Test
    void aSharedOperationIsNamedForTheResourceItIsMountedAt() {
        assertEquals("Evidence", ClientNames.resourceOf("/evidence/uploads/{id}"));
        assertEquals("Attachment", ClientNames.resourceOf("/attachments"));
        assertEquals("Task", ClientNames.resourceOf("/tasks/unit-feed"));
        assertEquals("Agreement", ClientNames.resourceOf("/agreements/unit-feed"));
    }

    @Test
    void aPathIdIsDescribedByTheSegmentBeforeIt() {
        assertEquals("Id of the task (UUID)", SharedParameters.idIn("/tasks/{id}/urgings", "id"));
        assertEquals("Id of the activity (UUID)", SharedParameters.idIn("/activities/{id}", "id"));
        assertEquals("Id of the request (UUID)", SharedParameters.idIn("/tasks/{id}/extensions/{requestId}/decision", "requestId"));
        assertEquals("Id of the person (UUID)", SharedParameters.idIn("/units/{id}/people/{personId}", "personId"));
        assertEquals("The unit's code: a region's 12-digit statistical division code (统计用区划代码) or an organization's 18-character unified social credit code (统一社会信用代码)", SharedParameters.idIn("/units/by-code/{code}", "code"));
        assertNull(SharedParameters.idIn("/units/{id}", "other"));
    }
}
