package org.tuanjie.platform.openapi;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * What every service's contract gets on top of its annotations: names a generated client can use, the
 * shared parameters described, the shared problem answers, the response headers, the bounds a format sets,
 * then every text in both languages (last, as the steps before add texts).
 */
public class ContractFilter implements OASFilter {

    private final ProblemResponsesFilter problems = new ProblemResponsesFilter();

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        ClientNames.apply(openAPI);
        SharedParameters.apply(openAPI);
        problems.filterOpenAPI(openAPI);
        ResponseHeaders.apply(openAPI);
        Examples.apply(openAPI);
        ProblemTypes.apply(openAPI);
        FormatBounds.apply(openAPI);
        Bilingual.fromClassPath().apply(openAPI);
    }
}
