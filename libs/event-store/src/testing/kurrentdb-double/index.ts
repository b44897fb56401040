export {
  KurrentDbProtocolDouble,
  type KurrentDbProtocolDoubleOptions,
  type ReceivedCall,
} from './kurrentdb-protocol-double.js';
export { KurrentDbClusterDouble } from './cluster-double.js';
export type { DoubleFault } from './faults.js';
