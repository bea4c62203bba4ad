package io.coregate.gateway.domain.tenant;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CidrTest {

    private static InetAddress at(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    @Test
    void ipv4NetworksAndSingleAddresses() throws UnknownHostException {
        var network = Cidr.parse("10.1.0.0/16").orElseThrow();
        assertTrue(network.contains(at("10.1.255.7")));
        assertFalse(network.contains(at("10.2.0.1")));
        assertTrue(network.contains(at("::ffff:10.1.2.3")), "an IPv4-mapped peer matches");
        var single = Cidr.parse("203.0.113.7").orElseThrow();
        assertTrue(single.contains(at("203.0.113.7")));
        assertFalse(single.contains(at("203.0.113.8")));
        assertEquals("10.1.0.0/16", Cidr.parse("10.1.200.9/16").orElseThrow().toString(), "host bits cleared");
        assertTrue(Cidr.parse("0.0.0.0/0").orElseThrow().contains(at("192.0.2.1")));
    }

    @Test
    void ipv6Networks() throws UnknownHostException {
        var network = Cidr.parse("fd00::/8").orElseThrow();
        assertTrue(network.contains(at("fd12::1")));
        assertFalse(network.contains(at("fe80::1")));
        assertFalse(network.contains(at("10.0.0.1")), "an IPv4 peer never matches an IPv6 network");
        assertTrue(Cidr.parse("::1").orElseThrow().contains(at("::1")));
    }

    @Test
    void onlyLiteralsWithAPrefixInRange() {
        for (String bad : new String[] {"", "localhost", "example.com", "10.0.0.0/33", "fd00::/129", "10.0.0/8", "10.0.0.0/", "10.0.0.256",
            "1e100000000", "10.0.0.0/8/8", "::ffff:zz", null}) {
            assertTrue(Cidr.parse(bad).isEmpty(), "refused: " + bad);
        }
    }
}
