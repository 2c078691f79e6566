import { it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { decideNext } from '../src/nominator/decide.js';
import { SimWorld } from './sim-world.js';
import { DEFAULT_NOMINATOR_POLICY } from '../src/nominator/view.js';
it('debug', () => {
  const ce = JSON.parse(process.env['CE'] ?? '{}');
  const w = new SimWorld(ce.hosts, ce.ideal, DEFAULT_NOMINATOR_POLICY);
  for (const e of ce.events) { w.apply(e); w.advance(e.type === 'stall'); const v = w.view(); w.decide(v, decideNext(v)); }
  w.healAll();
  for (let i = 0; i < 40; i++) { w.advance(); const v = w.view(); w.decide(v, decideNext(v)); }
  writeFileSync('/tmp/debug.txt', w.log.join('\n') + '\n' + JSON.stringify({members: w.members, hosts: w.hosts, leader: w.leaderId}, null, 1));
});
