const { TestEnvironment } = require('jest-environment-jsdom');

/** jsdom lacks the fetch API; the tab's fake API answers with Node's own Response objects. */
class JsdomWithFetch extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    Object.assign(this.global, { fetch, Request, Response, Headers });
  }
}

module.exports = JsdomWithFetch;
