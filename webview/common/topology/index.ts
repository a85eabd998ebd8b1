/**
 * The reusable topology drawing: `createTopologyView` (view.ts) draws a TopologyModel with d3; the
 * panels import its stylesheet once (`import '../common/topology/topology.css'`).
 */
export { createTopologyView } from './view';
export type { TopologyPath, TopologyView, TopologyViewOptions } from './view';
export { layoutTopology, portLabel } from './layout';
export type { ItemGeom, PortGeom, BoxGeom, TopoLayout } from './layout';
