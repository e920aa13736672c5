package io.parbench.serving;

import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * The addresses of this machine that pages can be served on for browsers on other machines
 * (--serve-address): a literal address of one of its up network interfaces, never a name
 * (no lookup decides where parbench listens).
 */
public final class ServeAddress {

    private ServeAddress() {}

    /** @throws IllegalArgumentException for text that is no address of this machine, naming the ones there are */
    public static InetAddress parse(String text) {
        try {
            InetAddress address = InetAddress.ofLiteral(text); // never a lookup
            if (NetworkInterface.getByInetAddress(address) != null) {
                return address;
            }
        } catch (IllegalArgumentException | SocketException e) {
            // worded below
        }
        throw new IllegalArgumentException("--serve-address " + text + " is not an IP address of this machine; use one of "
                + String.join(", ", nonLoopback().stream().map(InetAddress::getHostAddress).toList()) + ".");
    }

    /**
     * This machine's addresses that other machines may reach: of up interfaces, not loopback, not
     * link-local; IPv4 first (WebKitGTK sends an IPv6 literal as TLS server name, which the JDK's
     * server refuses, so over IPv6 WebKit gets no page).
     */
    public static List<InetAddress> nonLoopback() {
        try {
            return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .filter(ServeAddress::up)
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress() && !a.isAnyLocalAddress())
                    .sorted(Comparator.comparing(a -> a instanceof Inet4Address ? 0 : 1))
                    .toList();
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean up(NetworkInterface network) {
        try {
            return network.isUp() && !network.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}
