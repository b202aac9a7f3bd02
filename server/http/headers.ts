import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import proxyAddr from 'proxy-addr';
import type { Config } from '../config.js';

/**
 * Browser features the app never uses, switched off for its pages and anything they embed, so
 * an injected script cannot turn on a camera, a microphone or ask where someone is. (Reading
 * aloud uses speech synthesis, which needs no permission.)
 */
export const PERMISSIONS_POLICY = [
  'accelerometer',
  'autoplay',
  'camera',
  'display-capture',
  'encrypted-media',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'picture-in-picture',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
]
  .map((feature) => `${feature}=()`)
  .join(', ');

export function permissionsPolicy(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
  next();
}

/**
 * HSTS when the app is reached over HTTPS: always with COOKIE_SECURE (production), else when
 * this request came over TLS (directly, or through a trusted proxy's `X-Forwarded-Proto`).
 */
export function strictTransport(secure: boolean): RequestHandler {
  const hsts = helmet.strictTransportSecurity({ maxAge: 365 * 24 * 3600, includeSubDomains: true });
  return (req, res, next) => (secure || req.secure ? hsts(req, res, next) : next());
}

/** Express's `trust proxy` as a function, for requests Express never sees (WebSocket upgrades). */
export function trustOf(setting: Config['trustProxy']): (address: string, hop: number) => boolean {
  if (setting === false) return () => false;
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return proxyAddr.compile(setting);
}

/** The client's address, past the trusted proxies (for the access log of a sync connection). */
export const clientAddress = (request: IncomingMessage, trust: Config['trustProxy']): string | undefined =>
  trust === false ? request.socket.remoteAddress : proxyAddr(request, trustOf(trust));
