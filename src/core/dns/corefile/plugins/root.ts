/** root (plugin/root/root.go): `root PATH`. Whether the path exists is CoreDNS's to see at start-up. */
import { argErr, type PluginCheck } from './api';

export const check: PluginCheck = (d) => (d.args[0] ? undefined : argErr(d.name));
