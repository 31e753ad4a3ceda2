// A hang guard, not a speed bar: a real store on a shared 2-core machine can be slow to seed.
jest.setTimeout(60_000);
