import { z } from 'zod';

/**
 * Typed messages between content scripts / extension pages and the background.
 * Pure: the transport (browser.runtime.sendMessage) is passed in by the entrypoint, so this runs in Node tests.
 * Every message is validated with zod on both sides; a bad message gets a clear error, never a throw.
 */

export interface MessageDef<Req extends z.ZodType, Res extends z.ZodType> {
  readonly type: string;
  readonly request: Req;
  readonly response: Res;
}

export function defineMessage<Req extends z.ZodType, Res extends z.ZodType>(
  type: string,
  request: Req,
  response: Res,
): MessageDef<Req, Res> {
  return { type, request, response };
}

export const EnvelopeSchema = z.object({ type: z.string().min(1), payload: z.unknown() });
export type Envelope = z.infer<typeof EnvelopeSchema>;

export const ReplySchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type Reply = z.infer<typeof ReplySchema>;

export type Transport = (envelope: Envelope) => Promise<unknown>;

export class MessagingError extends Error {
  override name = 'MessagingError';
}

/** Send a typed message and parse the typed answer. Throws MessagingError with a readable reason. */
export async function callMessage<Req extends z.ZodType, Res extends z.ZodType>(
  def: MessageDef<Req, Res>,
  payload: z.input<Req>,
  transport: Transport,
): Promise<z.output<Res>> {
  const request = def.request.safeParse(payload);
  if (!request.success) throw new MessagingError(`${def.type}: requête invalide — ${request.error.message}`);
  let answer: unknown;
  try {
    answer = await transport({ type: def.type, payload: request.data });
  } catch (error) {
    // A closed or restarting service worker ends up here: say so, the caller keeps its state.
    throw new MessagingError(`${def.type}: le service d'arrière-plan ne répond pas (${String(error)})`);
  }
  const reply = ReplySchema.safeParse(answer);
  if (!reply.success) throw new MessagingError(`${def.type}: réponse illisible`);
  if (!reply.data.ok) throw new MessagingError(`${def.type}: ${reply.data.error}`);
  const value = def.response.safeParse(reply.data.value);
  if (!value.success) throw new MessagingError(`${def.type}: réponse invalide — ${value.error.message}`);
  return value.data;
}

export interface SenderInfo {
  tabId?: number;
  url?: string;
}

export interface Handler {
  readonly type: string;
  run(payload: unknown, sender: SenderInfo): Promise<Reply>;
}

/** Bind a handler to a message definition; its input is validated before `fn` sees it. */
export function handle<Req extends z.ZodType, Res extends z.ZodType>(
  def: MessageDef<Req, Res>,
  fn: (payload: z.output<Req>, sender: SenderInfo) => Promise<z.input<Res>> | z.input<Res>,
): Handler {
  return {
    type: def.type,
    async run(payload, sender) {
      const request = def.request.safeParse(payload);
      if (!request.success) return { ok: false, error: `requête invalide — ${request.error.message}` };
      try {
        const value = def.response.parse(await fn(request.data, sender));
        return { ok: true, value };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}

/** Route an incoming envelope to its handler. Unknown or malformed messages get an error reply. */
export function createDispatcher(handlers: readonly Handler[]) {
  const byType = new Map(handlers.map((h) => [h.type, h]));
  return async (message: unknown, sender: SenderInfo = {}): Promise<Reply> => {
    const envelope = EnvelopeSchema.safeParse(message);
    if (!envelope.success) return { ok: false, error: 'message mal formé' };
    const handler = byType.get(envelope.data.type);
    if (!handler) return { ok: false, error: `message inconnu : ${envelope.data.type}` };
    return handler.run(envelope.data.payload, sender);
  };
}
