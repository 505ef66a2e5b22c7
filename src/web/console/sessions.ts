// Console sessions live in Redis, so any web process can serve any operator and a restart logs
// nobody out. The cookie holds a random id; Redis holds only its hash (a leaked key is useless).
import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

export const SESSION_COOKIE = 'bb_console';
export const SESSION_TTL_SECONDS = 12 * 60 * 60;

/** What a session knows: who, and the token every state-changing form must carry. */
export type Session = { user: string; csrf: string; createdAt: string };

const digest = (id: string) => createHash('sha256').update(id).digest('hex');

export class SessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key(id: string): string {
    return `${this.prefix}:console:session:${digest(id)}`;
  }

  /** Starts a session; the returned id goes in the cookie. */
  async create(user: string): Promise<{ id: string; session: Session }> {
    const id = randomBytes(32).toString('base64url');
    const session: Session = {
      user,
      csrf: randomBytes(24).toString('base64url'),
      createdAt: new Date().toISOString(),
    };
    await this.redis.set(this.key(id), JSON.stringify(session), 'EX', SESSION_TTL_SECONDS);
    return { id, session };
  }

  /** The session for a cookie id, its lifetime renewed (sliding expiry); null when unknown. */
  async read(id: string | undefined): Promise<Session | null> {
    if (!id || id.length > 100) return null;
    const key = this.key(id);
    const raw = await this.redis.get(key);
    if (!raw) return null;
    await this.redis.expire(key, SESSION_TTL_SECONDS);
    return JSON.parse(raw) as Session;
  }

  /** Ends a session. */
  async destroy(id: string | undefined): Promise<void> {
    if (id) await this.redis.del(this.key(id));
  }
}
