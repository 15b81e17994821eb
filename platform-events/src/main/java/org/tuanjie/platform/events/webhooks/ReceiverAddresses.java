package org.tuanjie.platform.events.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Where deliveries may go. A subscription could otherwise make the service call into its own network (the
 * database, the identity server's admin port, a cloud's metadata address): an address that resolves to a
 * loopback, private, link-local, shared or multicast range is refused unless configuration allows that network.
 * Checked when subscribing and again before each delivery, as a name may resolve elsewhere later.
 */
@ApplicationScoped
public class ReceiverAddresses {

    @Inject
    WebhooksConfig config;

    /** @return why the URL may not receive deliveries, or empty when it may */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.of("not a URL");
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
            return Optional.of("only http and https URLs with a host");
        }
        if (uri.getUserInfo() != null) {
            return Optional.of("no user or password in the URL");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("the host does not resolve");
        }
        for (InetAddress address : addresses) {
            if (isInternal(address) && !allowed(address)) {
                return Optional.of("the host resolves to " + address.getHostAddress()
                        + ", a private or local address not allowed for deliveries");
            }
        }
        return Optional.empty();
    }

    static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // unique local fc00::/7
        }
        return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64 // shared 100.64.0.0/10
                || (b[0] & 0xff) == 0; // "this network" 0.0.0.0/8
    }

    private boolean allowed(InetAddress address) {
        return config.allowedPrivateNetworks().orElse(List.of()).stream().anyMatch(cidr -> contains(cidr.trim(), address));
    }

    /** Whether {@code cidr} ({@code 10.0.0.0/8}, {@code ::1/128}, or one address) contains the address. */
    static boolean contains(String cidr, InetAddress address) {
        String[] parts = cidr.split("/", 2);
        try {
            byte[] network = InetAddress.getByName(parts[0]).getAddress();
            byte[] candidate = address.getAddress();
            if (network.length != candidate.length) {
                return false;
            }
            int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
            int total = network.length * 8;
            BigInteger mask = BigInteger.ONE.shiftLeft(total).subtract(BigInteger.ONE)
                    .xor(BigInteger.ONE.shiftLeft(total - bits).subtract(BigInteger.ONE));
            return new BigInteger(1, network).and(mask).equals(new BigInteger(1, candidate).and(mask));
        } catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
    }
}
