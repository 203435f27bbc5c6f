import type { PostedCard } from '../../service/conversations';

const CHANNEL_THREAD = /^(.+);messageid=(.+)$/;

/**
 * The posted card a click names, looked up where it was posted. Teams addresses an action on a channel
 * post to the post's thread, `<channel id>;messageid=<post id>`, while the cards the bot posts into a
 * channel on its own (the daily summary, automatic invoicing, overdue invoices) are stored under the
 * channel's id: such a card is found there when the thread is its own post. A card posted as a reply in
 * a thread is stored under the thread's id, and found by the first look.
 */
export async function findInConversation(
  conversationId: string,
  find: (conversationId: string) => Promise<PostedCard | undefined>,
): Promise<PostedCard | undefined> {
  const here = await find(conversationId);
  if (here !== undefined) return here;
  const thread = CHANNEL_THREAD.exec(conversationId);
  if (thread === null) return undefined;
  const inChannel = await find(thread[1]!);
  return inChannel !== undefined && inChannel.activityId === thread[2] ? inChannel : undefined;
}
