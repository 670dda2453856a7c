import fc from 'fast-check';

const seedText = process.env.FC_SEED ?? (process.env.CI ? '20261121' : undefined);
if (seedText !== undefined) {
  const seed = Number(seedText);
  if (!Number.isInteger(seed))
    throw new RangeError(`FC_SEED must be an integer; received ${seedText}`);
  fc.configureGlobal({ seed });
}
