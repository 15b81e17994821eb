package org.tuanjie.gateway.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContractMergeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode doc(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json.replace('\'', '"'));
    }

    @Test
    void twoServicesStatusesStayApartAndTheirReferencesFollow() throws Exception {
        Map<String, ObjectNode> docs = new LinkedHashMap<>();
        docs.put("units", doc("{'paths':{'/units':{'get':{'operationId':'listUnits','responses':{'200':{'content':{'application/json':"
                + "{'schema':{'$ref':'#/components/schemas/Status'}}}}}}}},'tags':[{'name':'Units'}],"
                + "'components':{'schemas':{'Status':{'enum':['OPEN','CLOSED']},'Problem':{'type':'object'}}}}"));
        docs.put("agreements", doc("{'paths':{'/templates':{'get':{'operationId':'listTemplates','responses':{'200':{'content':{'application/json':"
                + "{'schema':{'type':'array','items':{'$ref':'#/components/schemas/Status'}}}}}}}}},'tags':[{'name':'Units'},{'name':'Templates'}],"
                + "'components':{'schemas':{'Status':{'enum':['DRAFT','PUBLISHED']},'Problem':{'type':'object'}}}}"));

        ObjectNode merged = ContractMerge.merge(docs, JSON.createObjectNode());

        assertEquals("[\"OPEN\",\"CLOSED\"]", merged.at("/components/schemas/UnitsStatus/enum").toString());
        assertEquals("[\"DRAFT\",\"PUBLISHED\"]", merged.at("/components/schemas/AgreementsStatus/enum").toString());
        assertFalse(merged.at("/components/schemas").has("Status"));
        assertEquals("#/components/schemas/UnitsStatus",
                merged.at("/paths/~1units/get/responses/200/content/application~1json/schema/$ref").asText());
        assertEquals("#/components/schemas/AgreementsStatus",
                merged.at("/paths/~1templates/get/responses/200/content/application~1json/schema/items/$ref").asText());
        assertEquals("{\"type\":\"object\"}", merged.at("/components/schemas/Problem").toString(), "alike: kept once, unqualified");
        assertEquals(2, merged.get("tags").size(), "a tag both declare is listed once");
    }

    @Test
    void anOperationIdTwoServicesUseIsQualifiedWithEachServiceName() throws Exception {
        Map<String, ObjectNode> docs = new LinkedHashMap<>();
        docs.put("tasks", doc("{'paths':{'/tasks/unit-feed':{'post':{'operationId':'runUnitFeed'}},'/tasks':{'get':{'operationId':'listTasks'}}}}"));
        docs.put("agreements", doc("{'paths':{'/agreements/unit-feed':{'post':{'operationId':'runUnitFeed'}}}}"));

        ObjectNode merged = ContractMerge.merge(docs, JSON.createObjectNode());

        assertEquals("tasksRunUnitFeed", merged.at("/paths/~1tasks~1unit-feed/post/operationId").asText());
        assertEquals("agreementsRunUnitFeed", merged.at("/paths/~1agreements~1unit-feed/post/operationId").asText());
        assertEquals("listTasks", merged.at("/paths/~1tasks/get/operationId").asText());
    }
}
