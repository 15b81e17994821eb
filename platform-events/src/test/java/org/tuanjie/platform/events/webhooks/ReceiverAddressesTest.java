package org.tuanjie.platform.events.webhooks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class ReceiverAddressesTest {

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    @Test
    void theServicesOwnNetworksAreInternal() throws Exception {
        for (String internal : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "::1", "fd00::1", "fe80::1", "224.0.0.1"}) {
            assertTrue(ReceiverAddresses.isInternal(ip(internal)), internal);
        }
        for (String public_ : new String[] {"8.8.8.8", "202.96.128.86", "100.128.0.1", "2001:db8::1"}) {
            assertFalse(ReceiverAddresses.isInternal(ip(public_)), public_);
        }
    }

    @Test
    void anAllowedNetworkContainsItsAddressesOnly() throws Exception {
        assertTrue(ReceiverAddresses.contains("10.20.0.0/16", ip("10.20.255.1")));
        assertFalse(ReceiverAddresses.contains("10.20.0.0/16", ip("10.21.0.1")));
        assertTrue(ReceiverAddresses.contains("127.0.0.1", ip("127.0.0.1")));
        assertFalse(ReceiverAddresses.contains("127.0.0.1", ip("127.0.0.2")));
        assertTrue(ReceiverAddresses.contains("::1/128", ip("::1")));
        assertFalse(ReceiverAddresses.contains("10.0.0.0/8", ip("::1")), "another family");
        assertFalse(ReceiverAddresses.contains("nonsense/99", ip("10.0.0.1")));
    }
}
