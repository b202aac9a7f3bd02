import type {
  ChangeContext,
  ConnectionContext,
  DocumentContext,
  SyncExtension,
  UpdateContext,
} from './extension.js';
import type { AwarenessEntry } from './awarenessCodec.js';

/** Calls the hooks of every extension, in the order given. */
export class Pipeline {
  constructor(private readonly extensions: readonly SyncExtension[]) {}

  async onConnect(context: ConnectionContext): Promise<void> {
    for (const e of this.extensions) await e.onConnect?.(context);
  }
  async onLoadDocument(context: DocumentContext): Promise<void> {
    for (const e of this.extensions) await e.onLoadDocument?.(context);
  }
  checkAccess(context: ConnectionContext): void {
    for (const e of this.extensions) e.checkAccess?.(context);
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
  onChange(context: ChangeContext): void {
    for (const e of this.extensions) e.onChange?.(context);
  }
  onStoreDocument(context: DocumentContext): void {
    for (const e of this.extensions) e.onStoreDocument?.(context);
  }
  onDisconnect(context: ConnectionContext): void {
    for (const e of this.extensions) e.onDisconnect?.(context);
  }
  async onDestroy(): Promise<void> {
    for (const e of this.extensions) await e.onDestroy?.();
  }
}
