package org.tuanjie.platform.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

/** A rule is found by the path template as the contract writes it, whatever the resource's annotations look like. */
class GuardInterceptorTest {

    @Path("/inspections/{id}/bulletin.{format: docx|pdf}")
    static class Bulletin {
        @GET
        public void get() {
        }
    }

    @Path("units/")
    static class Units {
        @GET
        @Path("/{id : [0-9a-f-]+}/children/")
        public void children() {
        }

        @GET
        public void list() {
        }

        protected String helper() {
            return "";
        }
    }

    static class Subclass extends Units {
    }

    @Test
    void templatesLeaveOutRegularExpressionsAndStraySlashes() throws NoSuchMethodException {
        assertEquals("/inspections/{id}/bulletin.{format}",
                GuardInterceptor.template(Bulletin.class, Bulletin.class.getMethod("get")));
        assertEquals("/units/{id}/children", GuardInterceptor.template(Units.class, Units.class.getMethod("children")));
        assertEquals("/units", GuardInterceptor.template(Subclass.class, Units.class.getMethod("list")));
        assertEquals("GET", GuardInterceptor.httpMethod(Units.class.getMethod("list")));
    }

    @Test
    void onlyEndpointsAreGuardedNotTheHelpersTheyCall() throws NoSuchMethodException {
        org.junit.jupiter.api.Assertions.assertTrue(GuardInterceptor.endpoint(Units.class.getMethod("list")));
        org.junit.jupiter.api.Assertions.assertTrue(GuardInterceptor.endpoint(Units.class.getMethod("children")));
        org.junit.jupiter.api.Assertions.assertFalse(GuardInterceptor.endpoint(Units.class.getDeclaredMethod("helper")));
    }
}
