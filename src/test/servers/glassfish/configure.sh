#!/usr/bin/env bash
# (Re)creates GlassFish's domain1 for `mvn -Pglassfish` with every port moved by one port base (admin
# base+48, http base+80, https base+81, iiop base+37..39, jmx base+86). Nothing else is needed.
# It keeps the name domain1 (deleted and created again): the managed Arquillian adapter 2.1.0 cannot stop
# a domain named in its `domain` property, so arquillian.xml names none and asadmin uses the only one.
# Usage: configure.sh GLASSFISH_HOME PORTBASE
set -euo pipefail
home=$1 portbase=$2
xml="$home/glassfish/domains/domain1/config/domain.xml"
# Done already? Look at the admin listener's own line: GlassFish rewrites domain.xml, attributes reordered,
# and unpacking the zip again brings the original domain1 back.
if grep '<network-listener .*name="admin-listener"' "$xml" 2>/dev/null | grep -q "port=\"$((portbase + 48))\""; then
    echo "GlassFish domain1 has the port base $portbase already"
    exit 0
fi
if [ -d "$home/glassfish/domains/domain1" ]; then
    "$home/bin/asadmin" delete-domain domain1
fi
"$home/bin/asadmin" --user admin create-domain --nopassword=true --portbase "$portbase" domain1
