/**
 * A small NAT lab for the tests of how netfilter steps are shown (the view model, the CLI's text,
 * the trace panel): host h forwards its port 8080 to namespace web's port 80 through a user chain
 * WEB (a `statistic` rule, then a plain DNAT), MASQUERADEs web's traffic out of eth0, and REJECTs
 * forwarded tcp/81. The lines (1-based) of the rules are in NF_LINES.
 */
export const NF_LAB = `name: nf-view
switches: [lan]
hosts:
  h:
    interfaces:
      eth0: lan
    run: |
      ip addr add 192.168.62.1/24 dev eth0
      ip netns add web
      ip link add v-web type veth peer name eth0 netns web
      ip addr add 10.200.3.1/24 dev v-web
      ip link set v-web up
      ip -n web addr add 10.200.3.2/24 dev eth0
      ip -n web link set eth0 up
      ip -n web route add default via 10.200.3.1
      sysctl -w net.ipv4.ip_forward=1
      iptables -t nat -N WEB
      iptables -t nat -A PREROUTING -i eth0 -p tcp --dport 8080 -j WEB
      iptables -t nat -A WEB -p tcp -m statistic --mode random --probability 0.5 -j DNAT --to-destination 10.200.3.2:80
      iptables -t nat -A WEB -p tcp -j DNAT --to-destination 10.200.3.2:80
      iptables -t nat -A POSTROUTING -s 10.200.3.0/24 -o eth0 -j MASQUERADE
      iptables -A FORWARD -p tcp --dport 81 -j REJECT
    serve: [web:tcp/80]
  c:
    interfaces:
      eth0: lan
    run: |
      ip addr add 192.168.62.2/24 dev eth0
      ip route add 10.200.3.0/24 via 192.168.62.1
`;

export const NF_LINES = { jump: 18, statistic: 19, dnat: 20, masquerade: 21, reject: 22 } as const;
