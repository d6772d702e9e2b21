import { retailersToCsv, type CustomerManager, type Retailer } from '@beatplan/core';
import type { FastifyInstance } from 'fastify';

/**
 * Loads a city through the HTTP API as an admin would: managers (JSON), retailers (CSV), then plans
 * `weeks` from `startDate`. Throws with the server's answer when a step fails.
 */
export async function loadCity(
  app: FastifyInstance,
  adminToken: string,
  city: { retailers: Retailer[]; managers: CustomerManager[] },
  plan: { startDate: string; weeks?: number; seed?: number },
): Promise<{ plans: number; stops: number }> {
  const headers = { authorization: `Bearer ${adminToken}` };
  const step = async (url: string, payload: unknown, contentType = 'application/json') => {
    const res = await app.inject({
      method: 'POST',
      url,
      headers: { ...headers, 'content-type': contentType },
      payload: payload as never,
    });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return JSON.parse(res.body);
  };
  await step('/import/managers', city.managers);
  await step('/import/retailers', retailersToCsv(city.retailers), 'text/csv');
  return step('/plans', plan);
}
