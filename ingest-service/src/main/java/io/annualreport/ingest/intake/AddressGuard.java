package io.annualreport.ingest.intake;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Decides whether an address is a public internet address that the URL fetch may connect to.
 *
 * <p>
 * Refused: the unspecified address, loopback, link-local (cloud metadata at 169.254.169.254), private (10/8, 172.16/12,
 * 192.168/16), shared address space (100.64/10), multicast, broadcast and other reserved IPv4 ranges, IPv6 unique local
 * (fc00::/7) and site-local addresses, and IPv6 addresses that embed an IPv4 address (mapped, compatible, NAT64,
 * 6to4), which are judged by the IPv4 address they carry.
 */
public final class AddressGuard {

    private AddressGuard() {
    }

    /** Why the address is not public, or empty when it is. */
    public static Optional<String> whyNotPublic(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            return whyNotPublic6(v6);
        }
        return whyNotPublic4(address.getAddress());
    }

    private static Optional<String> whyNotPublic6(Inet6Address address) {
        byte[] b = address.getAddress();
        if (address.isAnyLocalAddress()) {
            return Optional.of("unspecified address");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback address");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local address");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("site-local address");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast address");
        }
        if ((b[0] & 0xfe) == 0xfc) {
            return Optional.of("unique local address (fc00::/7)");
        }
        boolean firstTenZero = Arrays.equals(Arrays.copyOfRange(b, 0, 10), new byte[10]);
        if (firstTenZero && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return embedded("IPv4-mapped", Arrays.copyOfRange(b, 12, 16));
        }
        if (firstTenZero && b[10] == 0 && b[11] == 0) {
            return embedded("IPv4-compatible", Arrays.copyOfRange(b, 12, 16));
        }
        if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            return embedded("NAT64", Arrays.copyOfRange(b, 12, 16));
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return embedded("6to4", Arrays.copyOfRange(b, 2, 6));
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && b[2] == 0 && b[3] == 0) {
            return Optional.of("Teredo address");
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
            return Optional.of("documentation address (2001:db8::/32)");
        }
        return Optional.empty();
    }

    private static Optional<String> embedded(String kind, byte[] v4) {
        return whyNotPublic4(v4).map(reason -> kind + " address carrying a " + reason);
    }

    private static Optional<String> whyNotPublic4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        if (a0 == 0) {
            return Optional.of("unspecified address (0.0.0.0/8)");
        }
        if (a0 == 127) {
            return Optional.of("loopback address");
        }
        if (a0 == 10 || (a0 == 172 && a1 >= 16 && a1 <= 31) || (a0 == 192 && a1 == 168)) {
            return Optional.of("private address");
        }
        if (a0 == 169 && a1 == 254) {
            return Optional.of("link-local address");
        }
        if (a0 == 100 && a1 >= 64 && a1 <= 127) {
            return Optional.of("shared address space (100.64.0.0/10)");
        }
        if (a0 >= 224 && a0 <= 239) {
            return Optional.of("multicast address");
        }
        if (a0 >= 240) {
            return Optional.of("reserved or broadcast address");
        }
        if ((a0 == 192 && a1 == 0 && a2 == 0) || (a0 == 192 && a1 == 0 && a2 == 2)
                || (a0 == 198 && a1 == 51 && a2 == 100)
                || (a0 == 203 && a1 == 0 && a2 == 113) || (a0 == 198 && (a1 == 18 || a1 == 19))) {
            return Optional.of("reserved address");
        }
        return Optional.empty();
    }

    /** The address of a literal, for tests and configuration; never asks DNS. */
    static InetAddress literal(byte[] bytes) {
        try {
            return bytes.length == 4 ? Inet4Address.getByAddress(bytes) : Inet6Address.getByAddress(null, bytes, null);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
