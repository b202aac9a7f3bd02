import type {
  ChangeContext,
  ConnectionContext,
  DocumentContext,
  SyncExtension,
  UpdateContext,
} from './extension.js';
import type { AwarenessEntry } from './awarenessCodec.js';
import type { Logger } from '../logger.js';

/** Calls the hooks of every extension, in the order given. */
export class Pipeline {
  constructor(
    private readonly extensions: readonly SyncExtension[],
    private readonly log: Logger,
  ) {}

  async onConnect(context: ConnectionContext): Promise<void> {
    for (const e of this.extensions) await e.onConnect?.(context);
  }
  async onLoadDocument(context: DocumentContext): Promise<void> {
    for (const e of this.extensions) await e.onLoadDocument?.(context);
  }
  async checkAccess(context: ConnectionContext): Promise<void> {
    for (const e of this.extensions) await e.checkAccess?.(context);
  }
  beforeAwareness(context: ConnectionContext, entries: AwarenessEntry[]): void {
    for (const e of this.extensions) e.beforeAwareness?.(context, entries);
  }
  onDocumentReady(context: DocumentContext): void {
    for (const e of this.extensions) e.onDocumentReady?.(context);
  }
  beforeApplyUpdate(context: UpdateContext): void {
    for (const e of this.extensions) e.beforeApplyUpdate?.(context);
  }
  afterApplyUpdate(context: UpdateContext): void {
    for (const e of this.extensions) e.afterApplyUpdate?.(context);
  }
  /**
   * Stores the change with every concern that stores: null when all stored it at once, else a
   * promise that resolves once all did. A throw or rejection: not stored, never send it (SPEC D1).
   */
  storeChange(context: ChangeContext): Promise<void> | null {
    let pending: Promise<void>[] | null = null;
    for (const e of this.extensions) {
      const stored = e.storeChange?.(context);
      if (stored) (pending ??= []).push(stored);
    }
    if (!pending) return null;
    return pending.length === 1 ? pending[0]! : Promise.all(pending).then(() => undefined);
  }
  /** Each concern runs whatever the others do: one failing projection never skips the rest. */
  onChange(context: ChangeContext): void {
    this.each('onChange', context.documentName, (e) => e.onChange?.(context));
  }
  /** Resolves once every concern stored what it keeps; a failing one is logged, never thrown. */
  async onStoreDocument(context: DocumentContext): Promise<void> {
    const pending: Promise<void>[] = [];
    this.each('onStoreDocument', context.documentName, (e) => {
      const stored = e.onStoreDocument?.(context);
      if (!stored) return;
      pending.push(
        stored.catch((error: unknown) =>
          this.log.error('a sync concern failed', {
            hook: 'onStoreDocument',
            concern: e.constructor.name,
            document: context.documentName,
            error: String(error),
          }),
        ),
      );
    });
    await Promise.all(pending);
  }
  onDisconnect(context: ConnectionContext): void {
    this.each('onDisconnect', context.documentName, (e) => e.onDisconnect?.(context));
  }
  async onDestroy(): Promise<void> {
    for (const e of this.extensions) await e.onDestroy?.();
  }

  private each(hook: string, document: string, run: (e: SyncExtension) => void): void {
    for (const e of this.extensions) {
      try {
        run(e);
      } catch (error) {
        this.log.error('a sync concern failed', {
          hook,
          concern: e.constructor.name,
          document,
          error: String(error),
        });
      }
    }
  }
}
