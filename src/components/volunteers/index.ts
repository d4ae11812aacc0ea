import { Router } from 'express';
import type { AppConfig } from '../../config/index.js';
import type { Component } from '../../shared/http/index.js';

/** Volunteers' own profile: what they like to do, when, where, how many children; pause, leave, delete. */
export function volunteersComponent(_config: AppConfig): Component {
  return {
    name: 'volunteers',
    router: Router(),
    models: [],
  };
}
