export { POSITIONING_CONFIDENCE } from './positioning-confidence.js';
export { normalizeFix } from './normalize-fix.js';
export { normalizeBssid } from './normalize-bssid.js';

export {
  CellObservationSchema,
  CellScanSchema,
  MAX_AREA_CODE,
  MAX_CDMA_ID,
  MAX_CDMA_SID,
  MAX_MNC,
  RADIO_VALUES,
  RadioSchema,
  type CellObservation,
  type CellObservationInput,
  type CellScan,
  type CellScanInput,
  type Radio,
} from './schemas/cell-observation.js';
export {
  WifiObservationSchema,
  WifiScanSchema,
  type WifiObservation,
  type WifiObservationInput,
  type WifiScan,
  type WifiScanInput,
} from './schemas/wifi-observation.js';

export type { CellKey, CellTable, CellTower } from './internal/cell-table.js';
export type { AccessPoint, ApTable } from './internal/ap-table.js';
export type { RowErrorPolicy, TableLoadStats } from './internal/table-loader.js';
export type { TableSource } from './internal/feed-chunks.js';
export type { EstimateOptions } from './internal/estimate-options.js';
export {
  CellTableOptionsSchema,
  OPENCELLID_COLUMNS,
  createCellTableLoader,
  parseCellTable,
  type CellTableLoader,
  type CellTableOptions,
} from './create-cell-table-loader.js';
export {
  ApTableOptionsSchema,
  DEFAULT_AP_RANGE_M,
  createApTableLoader,
  parseApTable,
  type ApTableLoader,
  type ApTableOptions,
} from './create-ap-table-loader.js';
export { loadApTable, loadCellTable } from './load-table.js';

export {
  CELL_ESTIMATE_DEFAULTS,
  estimateCellPosition,
  type CellPositionEstimate,
  type UsedCell,
} from './estimate-cell-position.js';
export {
  WIFI_ESTIMATE_DEFAULTS,
  estimateWifiPosition,
  type UsedAccessPoint,
  type WifiPositionEstimate,
} from './estimate-wifi-position.js';
export {
  DEFAULT_INFLATION_KMH,
  DEFAULT_SOURCE_PREFERENCE,
  chooseEstimate,
  type ChoiceReason,
  type ChooseEstimateOptions,
  type EstimateChoice,
  type RankedCandidate,
} from './choose-estimate.js';

export {
  ProviderEstimateSchema,
  wrapProvider,
  type PositionProvider,
  type ProviderEstimate,
  type ResilientProvider,
  type WrapProviderOptions,
} from './wrap-provider.js';
export {
  getBrowserPosition,
  type BrowserPositionOptions,
  type GeolocationLike,
  type GeolocationPositionLike,
} from './get-browser-position.js';
export { estimatePosition, type PositionEstimate, type PositionObservations } from './estimate-position.js';

export {
  MAX_SCAN_ITEMS,
  NetworkScanSchema,
  type NetworkScan,
  type NetworkScanInput,
} from './schemas/network-scan.js';
export {
  NetworkServiceOptionsSchema,
  type NetworkServiceOptions,
} from './internal/network-service.js';
export { amapPositioning, type AmapPositioningOptions } from './adapters/amap-positioning.js';
export { tencentPositioning, type TencentPositioningOptions } from './adapters/tencent-positioning.js';
export { baiduPositioning, type BaiduPositioningOptions } from './adapters/baidu-positioning.js';
export {
  CarrierAnswerPathsSchema,
  carrierSoapPositioning,
  defaultCarrierRequestXml,
  type CarrierSoapOptions,
} from './adapters/carrier-soap-positioning.js';
