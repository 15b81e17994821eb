package org.tuanjie.bench.peer.units;

import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/units")
public class UnitController {

    private final UnitService service;

    public UnitController(UnitService service) {
        this.service = service;
    }

    @GetMapping("/{id}")
    public ResponseEntity<UnitView> getUnit(@PathVariable UUID id, @AuthenticationPrincipal Jwt token) {
        Unit unit = service.find(id, token.getClaimAsString("unit_code")).orElseThrow(() -> new UnitNotFound(id));
        return ResponseEntity.ok().eTag(Long.toString(unit.getVersion())).body(UnitView.of(unit));
    }

    /** 404, for a unit that does not exist and for one outside the caller's reach alike. */
    static class UnitNotFound extends ErrorResponseException {
        UnitNotFound(UUID id) {
            super(HttpStatus.NOT_FOUND, problem(id), null);
        }

        private static ProblemDetail problem(UUID id) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "单位 " + id + " 不存在或不在您的管辖范围内");
            problem.setType(URI.create("/problems/unit-not-found"));
            problem.setTitle("单位不存在");
            return problem;
        }
    }
}
