import type { PersonalDataHolder } from '../privacy/personal-data';
import { WORKSPACE_BOARD_TABLE, type CommunityBoard } from './board';
import { POST_MARKS_TABLE, POST_VERSIONS_TABLE, POSTS_TABLE } from './posts.repository';
import type { PostsService } from './posts.service';

/** The facilitators' workspace: posts and their versions, "utile" marks, the community board. */
export function workspaceData(posts: PostsService, board: CommunityBoard): PersonalDataHolder {
  return {
    tables: [POSTS_TABLE, POST_VERSIONS_TABLE, POST_MARKS_TABLE, WORKSPACE_BOARD_TABLE],
    export: async ({ objectId }) => ({
      ...(await posts.export(objectId)),
      ...(await board.export(objectId)),
    }),
    erase: async ({ objectId }) => {
      await posts.erase(objectId);
      await board.erase(objectId);
    },
    leaves:
      "the posts, versions, questions and replies the person wrote: they are the community's " +
      'material, so they stay, signed "former employee" (name and object id removed); marks are deleted',
  };
}
