/** Seeded pseudo-random generators: the one copy lives in @mgmt/testkit (see there). */
export { mulberry32, Rng } from '@mgmt/testkit';
