# Checks: ipaddress: v4/v6 addresses, networks, interfaces, subnets, summarizing, properties, errors.
import ipaddress

address = ipaddress.ip_address("192.168.1.10")
print(repr(address), int(address), address.is_private, address.version, address + 5, address.reverse_pointer)
network = ipaddress.ip_network("10.0.0.0/22")
print(network.num_addresses, network.netmask, network.hostmask, network.broadcast_address, network.prefixlen)
print(list(network.subnets(new_prefix=24)), network.supernet(), ipaddress.ip_address("10.0.3.7") in network)
print(list(ipaddress.ip_network("192.0.2.0/30").hosts()), ipaddress.ip_network("192.0.2.1/24", strict=False))
interface = ipaddress.ip_interface("172.16.5.4/12")
print(interface.network, interface.ip, interface.with_netmask, interface.with_hostmask)
v6 = ipaddress.ip_address("2001:db8::8a2e:370:7334")
print(v6, v6.exploded, v6.compressed, v6.is_global, v6.packed.hex(), ipaddress.ip_address("::ffff:1.2.3.4").ipv4_mapped)
print(list(ipaddress.summarize_address_range(ipaddress.ip_address("10.0.0.0"), ipaddress.ip_address("10.0.0.10"))))
print(list(ipaddress.collapse_addresses([ipaddress.ip_network("10.0.0.0/25"), ipaddress.ip_network("10.0.0.128/25")])))
print(sorted([ipaddress.ip_address("10.0.0.2"), ipaddress.ip_address("9.255.0.1")]), ipaddress.ip_address("127.0.0.1").is_loopback)
print(list(ipaddress.ip_network("10.0.0.0/24").address_exclude(ipaddress.ip_network("10.0.0.0/26"))))
for bad in ("256.1.1.1", "1.2.3", "10.0.0.1/33", "::g", "10.0.0.1/24"):
    try:
        print(ipaddress.ip_network(bad))
    except ValueError as error:
        print(type(error).__name__, error)
