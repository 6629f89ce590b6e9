package io.marque.portal.web.api.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The operation ids and tags the generated client is named by, and the paths the filter matches operations with. */
class ContractFilterTest {

    @Test
    void anOperationIdIsTheVerbTheLiteralSegmentsAndATrailingParameter() {
        assertEquals("getCustomers", ContractFilter.operationId("GET", "/customers"));
        assertEquals("getCustomersById", ContractFilter.operationId("GET", "/customers/{id}"));
        assertEquals("postCustomers", ContractFilter.operationId("POST", "/customers"));
        assertEquals("postInvoicesPay", ContractFilter.operationId("POST", "/invoices/{id}/pay"));
        assertEquals("getServersJobsByJobId", ContractFilter.operationId("GET", "/servers/{id}/jobs/{jobId}"));
        assertEquals("putServersAddressesPtr", ContractFilter.operationId("PUT", "/servers/{id}/addresses/{address}/ptr"));
        assertEquals("getOpenapiJson", ContractFilter.operationId("GET", "/openapi.json"));
    }

    @Test
    void theTagIsTheFirstSegment() {
        assertEquals("customers", ContractFilter.tag("/customers/{id}/balance"));
        assertEquals("account", ContractFilter.tag("/account"));
        assertEquals("openapi", ContractFilter.tag("/openapi.json"));
    }

    @Test
    void aRouteJoinsTheClassAndMethodPathsWithoutTemplatePatterns() {
        assertEquals("/customers/{id}", ResourceMethods.join("/customers", "/{id}"));
        assertEquals("/customers/{id}", ResourceMethods.join("customers/", "{id: \\d+}/"));
        assertEquals("/servers/{id}/jobs/{jobId}", ResourceMethods.join("/servers", "/{id : \\d{1,18}}/jobs/{jobId}"));
        assertEquals("/account", ResourceMethods.join("/account", ""));
    }
}
