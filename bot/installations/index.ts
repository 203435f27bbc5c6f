export { handleInstallation, type InstallationEvent } from './installation-event';
export { summaryTargets } from './summary-targets';
export { channelDisplayName, channelRecords, GENERAL_CHANNEL, type TeamChannel, type TeamInfo } from './team-channels';
