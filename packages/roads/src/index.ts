export {
  DENYING_ACCESS_VALUES,
  ROAD_PROFILES,
  ROAD_PROFILE_NAMES,
  type RoadProfile,
  type RoadProfileName,
} from './road-profiles.js';
