import themesFile from '../../content/labs/themes.v1.json';
import type { DirectoryService } from '../directory/directory.service';
import { TeamsRepository } from '../conversations/teams.repository';
import type { CampaignService } from '../delivery/campaign.service';
import type { Leases } from '../store/leases';
import type { TableStore } from '../store/table-store';
import { BoardRepository } from './board.repository';
import { BoardService } from './board.service';
import { ChannelPostsRepository } from './channel-posts.repository';
import { LabMessages } from './lab-messages';
import { LabVersions } from './lab-versions';
import { LabsRepository, LabThemesRepository } from './labs.repository';
import { LabsService } from './labs.service';
import { LabOverview } from './overview';
import { loadLabThemes, type LabTheme } from './themes';
import { ThemesService } from './themes.service';
import { UpdatesRepository } from './updates.repository';
import { UpdatesService, type LabPostCards } from './updates.service';
import { WeeklySummaries } from './weekly-summaries';

/** The themes shipped in content/labs/; a bad file stops start-up naming the theme and field. */
export function shippedLabThemes(): LabTheme[] {
  return loadLabThemes(themesFile);
}

/** Everything the labs feature offers the bot, the tab API and the jobs. */
export interface LabsFeature {
  labs: LabsService;
  board: BoardService;
  updates: UpdatesService;
  themes: ThemesService;
  overview: LabOverview;
  teams: TeamsRepository;
  labRows: LabsRepository;
  boardRows: BoardRepository;
  updateRows: UpdatesRepository;
  posts: ChannelPostsRepository;
  /** Versions of each lab's board and timeline, and of the list, for cached views. */
  versions: LabVersions;
  weekly: WeeklySummaries;
  /** Calls `listener` whenever a post is queued here (this instance's poster posts at once). */
  onQueued(listener: () => void): void;
}

export function createLabsFeature(deps: {
  store: TableStore;
  directory: Pick<DirectoryService, 'find'>;
  campaigns: Pick<CampaignService, 'start'>;
  leases: Leases;
  owner: string;
  cards: LabPostCards;
  now?: () => Date;
}): LabsFeature {
  const now = deps.now ? { now: deps.now } : {};
  const listeners: (() => void)[] = [];
  const versions = new LabVersions(deps.store);
  const labRows = new LabsRepository(deps.store, versions);
  const boardRows = new BoardRepository(deps.store, versions);
  const updateRows = new UpdatesRepository(deps.store, versions);
  const teams = new TeamsRepository(deps.store);
  const posts = new ChannelPostsRepository(deps.store);
  const themes = new ThemesService(shippedLabThemes(), new LabThemesRepository(deps.store));
  const labs = new LabsService({
    labs: labRows,
    themes,
    teams,
    directory: deps.directory,
    messenger: new LabMessages(deps.campaigns),
    ...now,
  });
  const updates = new UpdatesService({
    labs,
    labRows,
    updates: updateRows,
    board: boardRows,
    posts,
    teams,
    cards: deps.cards,
    wake: () => listeners.forEach((listener) => listener()),
    ...now,
  });
  return {
    labs,
    board: new BoardService({ labs, board: boardRows, ...now }),
    updates,
    themes,
    overview: new LabOverview({
      labs: labRows,
      board: boardRows,
      directory: deps.directory,
      ...now,
    }),
    teams,
    labRows,
    boardRows,
    updateRows,
    posts,
    versions,
    weekly: new WeeklySummaries({
      labs: labRows,
      updates,
      leases: deps.leases,
      owner: deps.owner,
      ...now,
    }),
    onQueued: (listener) => listeners.push(listener),
  };
}
